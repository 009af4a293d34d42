/** Strings of the Reports section's view switch and of the favorites controls on the performance view, English and Russian. */
import { defineMessages } from '../../i18n.ts';

const en = {
  'views': 'Report views',
  'bar.heading': 'Favorites',
  'bar.hint': 'Save this report’s setup (period, filters, groupings, columns and currency) to open it again later.',
  'bar.name': 'Favorite name',
  'bar.save': 'Save as favorite',
  'bar.saving': 'Saving…',
  'bar.needName': 'Enter a name.',
  'bar.saved': 'Saved “{name}” to your favorites.',
  'bar.quick': 'Your favorites',
  'bar.open': 'Open “{name}”',
  'bar.none': 'No favorites yet.',
  'bar.showAll': 'Show all favorites ({count})',
  'bar.loading': 'Loading favorites…',
};

const ru: Record<keyof typeof en, string> = {
  'views': 'Разделы отчётов',
  'bar.heading': 'Избранное',
  'bar.hint':
    'Сохраните настройки этого отчёта (период, фильтры, группировки, столбцы и валюту), чтобы открыть его снова.',
  'bar.name': 'Название',
  'bar.save': 'Сохранить в избранное',
  'bar.saving': 'Сохраняем…',
  'bar.needName': 'Введите название.',
  'bar.saved': '«{name}» сохранён в избранное.',
  'bar.quick': 'Ваше избранное',
  'bar.open': 'Открыть «{name}»',
  'bar.none': 'В избранном пока ничего нет.',
  'bar.showAll': 'Всё избранное ({count})',
  'bar.loading': 'Загружаем избранное…',
};

export const reportViewsMessages = defineMessages({ en, ru });
export type ReportViewsKey = keyof typeof en;
