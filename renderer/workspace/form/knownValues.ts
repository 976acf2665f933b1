// The values the site's posts give each list field (RulesInfo.known), for the form's chips to
// offer while the author types: one context for the profile's fields and the extra ones alike.
import { createContext } from 'react';

export const KnownValues = createContext<Readonly<Record<string, readonly string[]>>>({});
