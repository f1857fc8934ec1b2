/**
 * The debrief's Export: a button (key E) opening a menu of the run's files — the items as CSV,
 * the metrics as JSON, the chart on show as a PNG, every chart as PNGs — and a line saying what
 * was saved. The files come from src/game/export (the same CSV and JSON as the command line);
 * this class only asks the debrief to show each chart in turn and photographs its panel.
 */
import * as Phaser from 'phaser';
import type { GameSession } from '../game/GameSession';
import { chartPng, type DesignRect } from '../game/export/ChartPng';
import { saveFile, MIME } from '../game/export/Download';
import { exportFileName } from '../game/export/ExportNames';
import { itemsCsv, metricsJson } from '../game/export/RunExport';
import { RENDER_SCALE } from '../game/RenderScale';
import { CSS, TEXT } from '../game/Theme';
import { Button } from './Button';
import { ExportMenu } from './ExportMenu';
import { hasCommandModifier, KeyRouter } from './KeyRouter';
import { setFittedText } from './UiStyle';

export interface ExportableChart {
  readonly id: string;
  readonly label: string;
}

export interface DebriefExportOptions {
  readonly session: GameSession;
  readonly charts: readonly ExportableChart[];
  /** Which chart is on show, and how to show another. */
  readonly chartIndex: () => number;
  readonly showChart: (index: number) => void;
  /** Whether a chart has something to export (the Compare tab may be empty). */
  readonly hasContent: (index: number) => boolean;
  /** The chart panel, in design pixels: what a PNG shows. */
  readonly panel: DesignRect;
  /** The Export button's place and the status line's. */
  readonly button: { readonly x: number; readonly y: number; readonly width: number };
  readonly status: { readonly x: number; readonly y: number; readonly width: number };
}

/** File-name parts of the debrief's charts (the tab ids are short). */
const CHART_FILE: Readonly<Record<string, string>> = {
  flow: 'cumulative-flow',
  scatter: 'lead-time',
  histogram: 'lead-time-histogram',
  busy: 'busy-idle',
  wip: 'wip',
  seed: 'compare',
};

export class DebriefExport {
  readonly button: Button;
  private readonly menu: ExportMenu;
  private readonly statusText: Phaser.GameObjects.Text;
  private busy = false;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly o: DebriefExportOptions,
  ) {
    this.button = new Button(scene, o.button.x, o.button.y, { label: 'Export', keycap: 'E', width: o.button.width, align: 'left', onActivate: () => this.open() });
    this.statusText = scene.add.text(o.status.x, o.status.y, '', { ...TEXT.small, color: CSS.good }).setOrigin(0, 0.5);
    this.menu = new ExportMenu(scene, {
      title: 'Export this run',
      right: o.button.x + o.button.width,
      bottom: o.button.y - 12,
      width: 400,
      choices: [
        { label: 'Items (CSV)', key: 'i', onChoose: () => this.saveItems() },
        { label: 'Metrics (JSON)', key: 'm', onChoose: () => this.saveMetrics() },
        { label: 'This chart (PNG)', key: 'c', onChoose: () => void this.saveCharts([o.chartIndex()]) },
        { label: 'All charts (PNG)', key: 'a', onChoose: () => void this.saveCharts(o.charts.map((_, i) => i).filter((i) => o.hasContent(i))) },
      ],
    });
    // While charts are being photographed one after another, no key may switch the tab under them.
    KeyRouter.of(scene).add(() => this.busy, 600);
    KeyRouter.of(scene).add((e) => {
      if (hasCommandModifier(e) || e.repeat || (e.key !== 'e' && e.key !== 'E')) return false;
      this.open();
      return true;
    }, 150);
  }

  get isOpen(): boolean {
    return this.menu.isOpen;
  }

  open(): void {
    if (this.busy) return;
    const chart = this.o.charts[this.o.chartIndex()];
    this.menu.setLabel(2, `This chart: ${chart?.label ?? '—'} (PNG)`);
    this.menu.open();
  }

  private name(what: string, ext: 'csv' | 'json' | 'png'): string {
    return exportFileName(this.o.session.scenarioId, this.o.session.seed, what, ext);
  }

  private saveItems(): void {
    this.report(() => saveFile(this.name('items', 'csv'), itemsCsv(this.o.session.sim), MIME.csv).name);
  }

  private saveMetrics(): void {
    const s = this.o.session;
    const rounds = s.roundResults.map((r) => ({ title: r.title, start: r.start, end: r.end }));
    this.report(() => saveFile(this.name('metrics', 'json'), metricsJson(s.sim, { source: 'game', rounds }), MIME.json).name);
  }

  /** Shows each chart in turn and saves a PNG of its panel; the chart on show before comes back. */
  private async saveCharts(indices: readonly number[]): Promise<void> {
    if (this.busy || indices.length === 0) return;
    this.busy = true;
    const before = this.o.chartIndex();
    const names: string[] = [];
    const renderer = this.scene.game.renderer;
    const canvas = this.scene.game.canvas;
    try {
      for (const i of indices) {
        if (!this.scene.sys.isActive()) return;
        const chart = this.o.charts[i];
        if (chart === undefined) continue;
        if (this.o.chartIndex() !== i) this.o.showChart(i);
        const png = await chartPng(renderer, canvas, this.o.panel, RENDER_SCALE);
        names.push(saveFile(this.name(CHART_FILE[chart.id] ?? chart.id, 'png'), png, MIME.png).name);
      }
      const lastPart = names[names.length - 1]?.split('_').pop() ?? '';
      this.setStatus(names.length === 1 ? `Saved ${names[0]}` : `Saved ${names.length} charts: ${names[0]} … ${lastPart}`, true);
    } catch (e) {
      this.setStatus(`Could not save the chart: ${e instanceof Error ? e.message : String(e)}`, false);
    } finally {
      this.busy = false;
      if (this.scene.sys.isActive() && this.o.chartIndex() !== before) this.o.showChart(before);
    }
  }

  private report(save: () => string): void {
    try {
      this.setStatus(`Saved ${save()}`, true);
    } catch (e) {
      this.setStatus(`Could not save the file: ${e instanceof Error ? e.message : String(e)}`, false);
    }
  }

  private setStatus(text: string, ok: boolean): void {
    if (!this.statusText.active) return;
    this.statusText.setColor(ok ? CSS.good : CSS.warning);
    setFittedText(this.statusText, text, this.o.status.width);
  }
}
