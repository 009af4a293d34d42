/**
 * The group-by builder: up to four groupings in the chosen order (the first is the outermost and
 * the chart's axis), each movable up and down or removable, one added at a time from those left;
 * `parameter` asks which link parameter (from the options' list).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { selectField } from '../../campaign/campaign-fields.ts';
import type { Grouping, ReportOptions } from '../statistics-types.ts';
import type { ReportsKey } from './report.messages.ts';
import { MAX_GROUPINGS, addableGroupings } from './report-setup.ts';

export interface GroupByView {
  m(key: ReportsKey, params?: Record<string, string | number>): string;
  groupingLabel(g: Grouping): string;
  options: ReportOptions;
  groupBy: readonly Grouping[];
  parameter: string;
  parameterError: string | undefined;
  move(index: number, to: number): void;
  remove(index: number): void;
  add(grouping: Grouping): void;
  setParameter(parameter: string): void;
}

export function renderGroupBy(v: GroupByView): TemplateResult {
  const addable = addableGroupings(v.options.groupings, v.groupBy, v.options.parameters);
  const count = v.groupBy.length;
  const add = (e: Event) => {
    const select = (e.currentTarget as HTMLElement).parentElement?.querySelector('select');
    const value = select?.value as Grouping | undefined;
    if (value) v.add(value);
  };
  return html`<fieldset part="fieldset group-by">
    <legend>${v.m('groupBy')}</legend>
    <p part="hint" id="report-group-hint">${v.m('groupByHint', { max: MAX_GROUPINGS })}</p>
    ${
      count
        ? html`<ol part="grouping-list" aria-describedby="report-group-hint">
            ${v.groupBy.map((g, i) => {
              const name = v.groupingLabel(g);
              return html`<li part="grouping" data-grouping=${g}>
                <span part="grouping-name">${v.m('groupingItem', { position: i + 1, name })}</span>
                <span part="row-actions">
                  <button part="button move-up" type="button" ?disabled=${i === 0} aria-label=${v.m('moveUpLabel', { name })}
                    @click=${() => v.move(i, i - 1)}>${v.m('moveUp')}</button>
                  <button part="button move-down" type="button" ?disabled=${i === count - 1}
                    aria-label=${v.m('moveDownLabel', { name })} @click=${() => v.move(i, i + 1)}>${v.m('moveDown')}</button>
                  <button part="button remove" type="button" aria-label=${v.m('removeLabel', { name })}
                    @click=${() => v.remove(i)}>${v.m('remove')}</button>
                </span>
              </li>`;
            })}
          </ol>`
        : nothing
    }
    ${
      v.groupBy.includes('parameter')
        ? selectField({
            id: 'report-parameter',
            name: 'parameter',
            label: v.m('parameter'),
            value: v.parameter,
            error: v.parameterError ?? null,
            options: v.options.parameters.map((p) => [p, p] as const),
            onChange: (parameter) => v.setParameter(parameter),
          })
        : nothing
    }
    ${
      addable.length
        ? html`<div part="add-grouping">
            ${selectField({
              id: 'report-add-grouping',
              name: 'addGrouping',
              label: v.m('addGrouping'),
              options: [['', v.m('addGroupingChoose')], ...addable.map((g) => [g, v.groupingLabel(g)] as const)],
            })}
            <button part="button add-grouping-button" type="button" @click=${add}>${v.m('add')}</button>
          </div>`
        : nothing
    }
  </fieldset>`;
}
