import { useLocation } from 'react-router';

/**
 * One query parameter of the current address ('' when absent). Deliberately not
 * useSearchParams: react-router lives in the landing bundle, and every hook used anywhere
 * is kept there; this one costs the landing page nothing.
 */
export function useQueryParam(name: string): string {
  const { search } = useLocation();
  return (new URLSearchParams(search).get(name) ?? '').trim();
}
