import { describe, expect, it } from 'vitest';
import { nameFromEmail, workspaceNameFor } from './naming.js';

describe('workspaceNameFor', () => {
  it.each<[string, Parameters<typeof workspaceNameFor>[0], string]>([
    ['the company typed on the form', { companyName: ' Midas Furniture ', email: 'sara@gmail.com', fullName: 'Sara', language: 'en' }, 'Midas Furniture'],
    ['a work domain', { companyName: null, email: 'sara@midasfurniture.com', fullName: 'Sara', language: 'en' }, 'Midasfurniture'],
    ['a work domain under a country\'s second level', { companyName: '', email: 'omar@rawabi.com.sa', fullName: 'Omar', language: 'ar' }, 'Rawabi'],
    ['a work subdomain', { companyName: null, email: 'lena@mail.northwind.de', fullName: 'Lena', language: 'en' }, 'Northwind'],
    ['a free-mail address, in English', { companyName: null, email: 'sara.q@gmail.com', fullName: 'Sara Al-Qahtani', language: 'en' }, "Sara's workspace"],
    ['a free-mail address, in Arabic', { companyName: null, email: 'sara.q@gmail.com', fullName: 'سارة القحطاني', language: 'ar' }, 'مساحة عمل سارة'],
    ['a compound Arabic first name', { companyName: null, email: 'a@hotmail.com', fullName: 'Abdul Rahman Saleh', language: 'en' }, "Abdul Rahman's workspace"],
  ])('%s', (_name, input, expected) => {
    expect(workspaceNameFor(input)).toBe(expected);
  });
});

describe('nameFromEmail', () => {
  it.each([
    ['sara.qahtani@midas.sa', 'Sara Qahtani'],
    ['omar_haddad+ads@x.co', 'Omar Haddad'],
    ['12345@x.co', '12345@x.co'],
  ])('%s → %s', (email, expected) => expect(nameFromEmail(email)).toBe(expected));
});
