import { WorldError, type FaultRule, type World } from './types.js';
import { AD_PLATFORMS, FAULT_KINDS } from './fault-spec.js';
import { Rng } from './rng.js';

function validate(rule: Omit<FaultRule, 'id'>): void {
  const problems: string[] = [];
  if (!AD_PLATFORMS.includes(rule.platform)) problems.push(`unknown platform ${String(rule.platform)}`);
  if (!FAULT_KINDS.includes(rule.kind)) problems.push(`unknown kind ${String(rule.kind)}`);
  if (!(rule.probability >= 0 && rule.probability <= 1)) problems.push('probability must be 0–1');
  if (rule.count !== null && !(Number.isInteger(rule.count) && rule.count >= 1)) problems.push('count must be a positive integer or null');
  if (!(Number.isInteger(rule.delayMs) && rule.delayMs >= 0)) problems.push('delayMs must be a non-negative integer');
  if (rule.pathPrefix !== null && !rule.pathPrefix.startsWith('/')) problems.push('pathPrefix must start with /');
  if (problems.length) throw new WorldError('invalid', problems.join('; '));
}

/** Fault rules in the order added; `seed` makes the probability draws repeatable in tests. */
export function createFaults(initial: readonly Omit<FaultRule, 'id'>[], seed: number): World['faults'] {
  let rules: FaultRule[] = [];
  let next = 1;
  const rng = new Rng(seed);
  const faults: World['faults'] = {
    list: (platform) => rules.filter((r) => !platform || r.platform === platform).map((r) => ({ ...r })),
    add(rule) {
      validate(rule);
      const added = { ...rule, id: `flt_${next++}` };
      rules.push(added);
      return { ...added };
    },
    clear(platform) {
      rules = platform ? rules.filter((r) => r.platform !== platform) : [];
    },
    draw(platform, path) {
      for (const rule of rules) {
        if (rule.platform !== platform) continue;
        if (rule.pathPrefix !== null && !path.startsWith(rule.pathPrefix)) continue;
        if (rule.probability < 1 && !(rng.float() < rule.probability)) continue;
        if (rule.count !== null) {
          rule.count -= 1;
          if (rule.count <= 0) rules = rules.filter((r) => r !== rule);
        }
        return { ...rule };
      }
      return null;
    },
  };
  for (const r of initial) faults.add(r);
  return faults;
}
