import { describe, expect, it } from 'vitest';
import { isSoftwareGl, pickRenderer, type GlProbe } from '../../src/game/RendererChoice';

const SWIFTSHADER = 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';
const gpu = (renderer: string) => (): GlProbe => ({ renderer });
const none = (): GlProbe | null => null;

describe('RendererChoice', () => {
  it('knows the software WebGL implementations by name, and real GPUs as not', () => {
    for (const name of [SWIFTSHADER, 'llvmpipe (LLVM 15.0.6, 256 bits)', 'Mesa OffScreen', 'Microsoft Basic Render Driver', 'Google SwiftShader', 'softpipe']) {
      expect(isSoftwareGl(name), name).toBe(true);
    }
    for (const name of ['ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)', 'Apple M2', 'Mali-G78', 'AMD Radeon Pro 5500M OpenGL Engine', 'Intel(R) UHD Graphics 620']) {
      expect(isSoftwareGl(name), name).toBe(false);
    }
  });

  it('draws with WebGL on a graphics card and with Canvas 2D where WebGL is software or missing', () => {
    expect(pickRenderer(null, gpu('Apple M2')).kind).toBe('webgl');
    const soft = pickRenderer(null, gpu(SWIFTSHADER));
    expect(soft.kind).toBe('canvas');
    expect(soft.why).toBe('WebGL would run in software here (SwiftShader)');
    expect(pickRenderer(null, none)).toEqual({ kind: 'canvas', why: 'this browser has no WebGL' });
  });

  it('follows ?renderer= when it names a renderer, without probing for a forced Canvas', () => {
    let probed = 0;
    const counting = () => {
      probed++;
      return { renderer: SWIFTSHADER };
    };
    expect(pickRenderer('canvas', counting).kind).toBe('canvas');
    expect(probed).toBe(0);
    expect(pickRenderer(' WebGL ', counting).kind).toBe('webgl');
    expect(pickRenderer('webgl', none)).toEqual({ kind: 'canvas', why: 'WebGL was asked for but this browser has none' });
  });

  it('treats an unknown ?renderer= value as no choice at all', () => {
    expect(pickRenderer('vulkan', gpu('Apple M2')).kind).toBe('webgl');
    expect(pickRenderer('', gpu(SWIFTSHADER)).kind).toBe('canvas');
  });
});
