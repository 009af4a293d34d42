/** Strings of the Reports section's view switch and of the favorites controls on the performance view, English and Russian. */
import { defineMessages } from '../../i18n.ts';

const en = {
  'views': 'Report views',
};

const ru: Record<keyof typeof en, string> = {
  'views': 'Разделы отчётов',
};

export const reportViewsMessages = defineMessages({ en, ru });
export type ReportViewsKey = keyof typeof en;
