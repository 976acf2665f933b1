// The date in the preview's byline: the front matter's, else the one the site gives the post from
// its file or folder name. That one is the profile's `dateFromName`, set by the service's
// rulesForPost, which also writes the form's date help: the name is read there alone, never here.

import type { SiteProfile } from '../../electron/core/contract';

export function bylineDate(frontMatterDate: string, profile: Pick<SiteProfile, 'dateFromName'>): string {
  return frontMatterDate !== '' ? frontMatterDate : (profile.dateFromName?.date ?? '');
}
