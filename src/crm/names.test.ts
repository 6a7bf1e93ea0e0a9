import { describe, expect, it } from 'vitest';
import { splitFullName } from './names.js';

describe('splitFullName', () => {
  it.each([
    ['Ahmed Al-Hassan', 'Ahmed', 'Al-Hassan'],
    ['Noura Al-Saud', 'Noura', 'Al-Saud'],
    ['Mohammed bin Salman Al Saud', 'Mohammed', 'bin Salman Al Saud'],
    ['Abdul Rahman Al Saud', 'Abdul Rahman', 'Al Saud'],
    ['Abu Bakr Al-Baghdadi', 'Abu Bakr', 'Al-Baghdadi'],
    ['Jan van der Berg', 'Jan', 'van der Berg'],
    ['  Sara   Khan  ', 'Sara', 'Khan'],
    ['Smith, John', 'John', 'Smith'],
    ['Madonna', 'Madonna', null],
    ['', null, null],
    ['   ', null, null],
    [null, null, null],
    // Arabic script: first given name, then the family; "عبد" + name is one given name.
    ['أحمد الحسن', 'أحمد', 'الحسن'],
    ['محمد بن سلمان آل سعود', 'محمد', 'بن سلمان آل سعود'],
    ['عبد الله الشهري', 'عبد الله', 'الشهري'],
    ['عبدالله الشهري', 'عبدالله', 'الشهري'],
    ['نورة', 'نورة', null],
  ])('%j → first %j, last %j', (full, first, last) => {
    expect(splitFullName(full)).toEqual({ first, last });
  });

  it('keeps a two-word name that starts with Abdul as first and last (there is nothing else to go on)', () => {
    expect(splitFullName('Abdul Rahman')).toEqual({ first: 'Abdul', last: 'Rahman' });
  });
});
