/** Webmail shortcuts on the "check your inbox" screen; Gmail opens a search for our mail. */
export const MAIL_LINKS = {
  gmail: 'https://mail.google.com/mail/u/0/#search/from%3Astratum',
  outlook: 'https://outlook.live.com/mail/0/',
} as const;
