/**
 * What the profile form would change: only fields whose value differs from the loaded profile
 * go into the PATCH, so saving the language never rewrites a phone number someone else just set.
 */
import {
  EMAIL_TOPICS,
  type EmailTopic,
  type Profile,
  type ProfileUpdate,
} from '../../internal/account/account-types.ts';

export interface ProfileFormValues {
  name: string;
  messenger: string;
  phone: string;
  locale: string;
  defaultCurrency: string;
  emailPreferences: Record<EmailTopic, boolean>;
  /** Absent when the user may not edit company details (the inputs are not rendered). */
  company?: string;
  country?: string;
}

export function readProfileForm(form: HTMLFormElement): ProfileFormValues {
  const text = (name: string): string | undefined => {
    const field = form.elements.namedItem(name);
    return field instanceof HTMLInputElement || field instanceof HTMLSelectElement ? field.value : undefined;
  };
  const checked = (name: string): boolean => {
    const field = form.elements.namedItem(name);
    return field instanceof HTMLInputElement && field.checked;
  };
  const values: ProfileFormValues = {
    name: text('name') ?? '',
    messenger: text('messenger') ?? '',
    phone: text('phone') ?? '',
    locale: text('locale') ?? '',
    defaultCurrency: text('defaultCurrency') ?? '',
    emailPreferences: Object.fromEntries(EMAIL_TOPICS.map((topic) => [topic, checked(`email-${topic}`)])) as Record<
      EmailTopic,
      boolean
    >,
  };
  const company = text('company');
  const country = text('country');
  if (company !== undefined) values.company = company;
  if (country !== undefined) values.country = country;
  return values;
}

/** Empty optional text means "remove it" (null), as the API expects. */
const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

export function profileChanges(profile: Profile, values: ProfileFormValues): ProfileUpdate {
  const patch: ProfileUpdate = {};
  if (values.name.trim() !== profile.user.name) patch.name = values.name.trim();
  if (orNull(values.messenger) !== (profile.messenger ?? null)) patch.messenger = orNull(values.messenger);
  if (orNull(values.phone) !== (profile.phone ?? null)) patch.phone = orNull(values.phone);
  if (values.locale && values.locale !== profile.user.locale) patch.locale = values.locale as Profile['user']['locale'];
  if (values.defaultCurrency && values.defaultCurrency !== profile.defaultCurrency)
    patch.defaultCurrency = values.defaultCurrency;
  const preferences: Partial<Record<EmailTopic, boolean>> = {};
  for (const topic of EMAIL_TOPICS) {
    if (values.emailPreferences[topic] !== Boolean(profile.emailPreferences[topic]))
      preferences[topic] = values.emailPreferences[topic];
  }
  if (Object.keys(preferences).length > 0) patch.emailPreferences = preferences;
  if (values.company !== undefined && orNull(values.company) !== (profile.partner.company ?? null))
    patch.company = orNull(values.company);
  if (values.country !== undefined) {
    const country = values.country.trim().toUpperCase();
    // The API cannot clear a country; an empty input with a country on file is caught by the form.
    if (country !== '' && country !== profile.partner.country) patch.country = country;
  }
  return patch;
}
