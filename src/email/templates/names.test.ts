import { describe, expect, it } from 'vitest';
import { firstNameOf } from './names.js';

describe('firstNameOf', () => {
  it.each([
    ['Sara Al-Qahtani', 'Sara'],
    ['  نورة   العتيبي ', 'نورة'],
    ['محمد', 'محمد'],
    ['عبد الله الشهري', 'عبد الله'],
    ['Abdul Rahman Khan', 'Abdul Rahman'],
    ['abd al-Aziz', 'abd al-Aziz'],
    ['', ''],
    ['   ', ''],
  ])('%j → %j', (full, first) => {
    expect(firstNameOf(full)).toBe(first);
  });
});
