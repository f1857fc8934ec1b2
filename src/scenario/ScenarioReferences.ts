/**
 * Checks that the parts of a shape-valid scenario fit together: ids are unique, every reference
 * names something that exists, and the model can finish (every step has someone able to do it).
 * Each problem is reported with the path of the field at fault, like the schema's own errors.
 */
import type { Scenario } from './ScenarioSchema';
import { LIMITS } from '../sim/Limits';
import { meanOf } from '../sim/Distribution';

export interface ScenarioIssue {
  path: string;
  message: string;
}

export function checkScenarioReferences(s: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });

  const centerIds = new Map<string, number>();
  s.workCenters.forEach((c, i) => {
    if (centerIds.has(c.id)) add(`workCenters[${i}].id`, `"${c.id}" is used by another work center`);
    else centerIds.set(c.id, i);
  });
  const typeIds = new Map<string, number>();
  s.workTypes.forEach((t, i) => {
    if (typeIds.has(t.id)) add(`workTypes[${i}].id`, `"${t.id}" is used by another work type`);
    else typeIds.set(t.id, i);
  });
  const people = s.people ?? [];
  const personIds = new Set<string>();
  people.forEach((p, i) => {
    if (personIds.has(p.id)) add(`people[${i}].id`, `"${p.id}" is used by another person`);
    personIds.add(p.id);
    p.centers.forEach((c, j) => {
      if (!centerIds.has(c)) add(`people[${i}].centers[${j}]`, `names no work center: "${c}"`);
      else if (p.centers.indexOf(c) !== j) add(`people[${i}].centers[${j}]`, `lists "${c}" twice`);
    });
  });

  const allSkills = new Set<string>();
  for (const c of s.workCenters) for (const k of c.workerSkills ?? []) allSkills.add(k);
  for (const p of people) for (const k of p.skills ?? []) allSkills.add(k);
  for (const t of s.workTypes) for (const st of t.route) if (st.skill) allSkills.add(st.skill);
  if (allSkills.size > LIMITS.maxSkills) add('workTypes', `uses ${allSkills.size} skills; at most ${LIMITS.maxSkills} are allowed`);

  // Who can serve each center, and with which skills.
  const servers = s.workCenters.map((c) => ({
    anonymous: c.workers ?? 0,
    anonymousSkills: new Set(c.workerSkills ?? []),
    named: people.filter((p) => p.centers.includes(c.id)),
  }));
  s.workCenters.forEach((c, i) => {
    const sv = servers[i]!;
    if (sv.anonymous === 0 && sv.named.length === 0) {
      add(`workCenters[${i}].workers`, `"${c.id}" has nobody to do its work: give it workers or list it in a person's centers`);
    }
    if (c.kind !== 'deploy') {
      if (c.releaseEvery !== undefined) add(`workCenters[${i}].releaseEvery`, 'only a center of kind "deploy" has a release schedule');
      if (c.changeFailure !== undefined) add(`workCenters[${i}].changeFailure`, 'only a center of kind "deploy" has a change-failure rate');
    }
    const inc = c.changeFailure?.incidentType;
    if (inc !== undefined && !typeIds.has(inc)) add(`workCenters[${i}].changeFailure.incidentType`, `names no work type: "${inc}"`);
  });

  const horizon = s.horizon;
  if (s.warmup !== undefined && s.warmup >= horizon) add('warmup', `must be less than the horizon (${horizon})`);

  let expectedItems = 0;
  s.workTypes.forEach((t, i) => {
    const base = `workTypes[${i}]`;
    if ((t.classOfService ?? '') === 'fixedDate' && t.dueIn === undefined) add(`${base}.dueIn`, 'is required for the fixed-date class of service');
    t.route.forEach((st, j) => {
      const sp = `${base}.route[${j}]`;
      const ci = centerIds.get(st.center);
      if (ci === undefined) {
        add(`${sp}.center`, `names no work center: "${st.center}"`);
        return;
      }
      const sv = servers[ci]!;
      const able =
        st.skill === undefined
          ? sv.anonymous > 0 || sv.named.length > 0
          : (sv.anonymous > 0 && sv.anonymousSkills.has(st.skill)) || sv.named.some((p) => (p.skills ?? []).includes(st.skill!));
      if (!able && (sv.anonymous > 0 || sv.named.length > 0)) {
        add(`${sp}.skill`, `nobody at "${st.center}" has the skill "${st.skill}", so this work could never finish`);
      }
      if (st.defect) {
        const f = st.defect.foundAt;
        if (f !== 'same' && f !== 'customer') {
          const later = t.route.slice(j + 1).some((x) => x.center === f);
          if (!later) add(`${sp}.defect.foundAt`, `must be "same", "customer" or a center later on this route; "${f}" is not`);
        }
      }
    });
    for (const [k, a] of (t.arrivals ?? []).entries()) {
      const ap = `${base}.arrivals[${k}]`;
      if (a.type === 'poisson') {
        const start = a.start ?? 0;
        const end = Math.min(a.end ?? horizon, horizon);
        if (a.end !== undefined && a.end < start) add(`${ap}.end`, 'must not be before start');
        expectedItems += a.rate * Math.max(0, end - start);
      } else if (a.type === 'interval') {
        const every = meanOf(a.every);
        if (every <= 0 && a.count === undefined) add(`${ap}.every`, 'must have a mean above 0, or the source needs a count');
        else expectedItems += a.count ?? Math.max(0, horizon - (a.start ?? 0)) / every;
      } else if (a.type === 'backlog') expectedItems += a.count;
      else expectedItems += a.times.length;
    }
  });
  if (expectedItems > LIMITS.maxItems) {
    add('workTypes', `would create about ${Math.round(expectedItems)} work items; the limit is ${LIMITS.maxItems}`);
  }

  const release = s.policy?.release;
  if (release?.type === 'drum' && !centerIds.has(release.center)) add('policy.release.center', `names no work center: "${release.center}"`);
  return issues;
}
