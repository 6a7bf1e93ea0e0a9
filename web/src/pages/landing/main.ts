// The landing page's whole script: no framework. The page itself is prerendered HTML.
import '../../styles/base.css';
import '../../styles/landing.css';
import { startAttribution } from '../../attribution';
import { wireDialogs } from './dialogs';
import { rememberLanguage, wireLanguageSwitch } from './language';
import { wireSignup } from './signup';

// The address and referrer as the visitor arrived, read before anything can change them.
const arrival = { href: window.location.href, referrer: document.referrer, at: new Date() };

rememberLanguage(document.documentElement.lang);
wireLanguageSwitch(document);
wireDialogs(document);
wireSignup(document);

// Attribution must never break the page.
try {
  startAttribution(arrival);
} catch {
  // Storage or cookies refused (private mode, blocked): the server already set its cookies.
}
