import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet } from 'react-router';
import { BrandMark } from '../../components/BrandMark';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { MAIN_CONTENT_ID, SkipLink } from '../../components/SkipLink';
import { APP_NAV } from './sections';
import '../../styles/app.css';

export function AppShell() {
  const { t } = useTranslation();

  return (
    <div className="app-shell">
      <SkipLink />
      <header className="app-header">
        <Link to="/app" className="brand">
          <BrandMark />
          <span>{t('common.productName')}</span>
        </Link>
        <div className="app-header__actions">
          <Link to="/" className="app-header__link">{t('app.backToSite')}</Link>
          <LanguageSwitch />
        </div>
      </header>
      <div className="app-body">
        <nav className="app-nav" aria-label={t('app.navLabel')}>
          <ul>
            {APP_NAV.map(({ section, to }) => (
              <li key={section} className={section === 'system' ? 'app-nav__item--separated' : undefined}>
                {/* `end` keeps "Dashboard" (/app) from matching every /app/* route. */}
                <NavLink to={to} end={to === '/app'} className="app-nav__link" data-testid={`nav-${section}`}>
                  {t(`app.nav.${section}`)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <main id={MAIN_CONTENT_ID} className="app-main" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}
