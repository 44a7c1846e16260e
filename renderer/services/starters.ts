/**
 * The starters the dashboard offers, as its menu shows them. Their documents are built by
 * services/newConnector.ts (core's schema fills the defaults), loaded when one is chosen.
 */
export const STARTERS = [
  { id: 'phone-lookup', title: 'Phone lookup → company', description: 'Search a contact by phone, fetch details and company in parallel.' },
  { id: 'email-verify', title: 'Email verification', description: 'One POST that checks an email address.' },
] as const;

export type StarterId = (typeof STARTERS)[number]['id'];
