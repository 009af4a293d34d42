/** Strings of `<kb-dashboard>`, English and Russian. */
import { defineMessages, type Message } from '../../internal/i18n.ts';

const en = {
  'heading': 'Dashboard',
  'intro': 'Your traffic and first deposits at a glance. Times are in the program’s time zone ({timeZone}).',
  'quick': 'Quick stats',
  'campaign': 'Campaign',
  'allCampaigns': 'All campaigns',
  'filters': 'Dashboard period and campaign',
  'chart.traffic.day': 'Traffic per day',
  'chart.traffic.week': 'Traffic per week',
  'chart.traffic.month': 'Traffic per month',
  'chart.deposits.day': 'First deposits per day',
  'chart.deposits.week': 'First deposits per week',
  'chart.deposits.month': 'First deposits per month',
  'campaigns': 'Campaign performance',
  'campaignsTable': 'Campaign performance in this period',
  'topCampaigns': 'The {count} campaigns with the most clicks are shown; Reports has them all.',
  'openReports': 'Open Reports',
  'noTraffic': 'No clicks in this period yet.',
  'noTrafficHint': 'Clicks, registrations and deposits show here once players follow your tracking links.',
  'openCampaigns': 'Open Campaigns',
  'noCampaignTraffic': 'No clicks on this campaign in this period.',
  'allCampaignsAction': 'Show all campaigns',
  'loadingPeriod': 'Loading the period’s statistics…',
  'commission': 'Commission',
  'commissionNote':
    'Commission: bills whose period starts in this period; the current period is billed after it closes.',
  'commissionPerCampaign': 'Commissions are billed per brand and plan, not per campaign.',
} satisfies Record<string, Message>;

const ru: Record<keyof typeof en, Message> = {
  'heading': 'Сводка',
  'intro': 'Ваш трафик и первые депозиты — коротко. Время — в часовом поясе программы ({timeZone}).',
  'quick': 'Быстрая статистика',
  'campaign': 'Кампания',
  'allCampaigns': 'Все кампании',
  'filters': 'Период и кампания сводки',
  'chart.traffic.day': 'Трафик по дням',
  'chart.traffic.week': 'Трафик по неделям',
  'chart.traffic.month': 'Трафик по месяцам',
  'chart.deposits.day': 'Первые депозиты по дням',
  'chart.deposits.week': 'Первые депозиты по неделям',
  'chart.deposits.month': 'Первые депозиты по месяцам',
  'campaigns': 'Эффективность кампаний',
  'campaignsTable': 'Эффективность кампаний за период',
  'topCampaigns': 'Показаны {count} кампаний с наибольшим числом кликов; все — в отчётах.',
  'openReports': 'Открыть отчёты',
  'noTraffic': 'За этот период кликов пока нет.',
  'noTrafficHint': 'Клики, регистрации и депозиты появятся здесь, когда игроки начнут переходить по вашим ссылкам.',
  'openCampaigns': 'Открыть кампании',
  'noCampaignTraffic': 'По этой кампании за период кликов нет.',
  'allCampaignsAction': 'Показать все кампании',
  'loadingPeriod': 'Загружаем статистику за период…',
  'commission': 'Комиссия',
  'commissionNote':
    'Комиссия — по счетам, период которых начинается в этом периоде; текущий период попадает в счёт после закрытия.',
  'commissionPerCampaign': 'Комиссии начисляются в счетах по бренду и плану, а не по кампании.',
};

export const dashboardMessages = defineMessages({ en, ru });
export type DashboardKey = keyof typeof en;
