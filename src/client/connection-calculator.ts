/**
 * <rt-connection-calculator>: the connection arithmetic of the pooling page. The build renders
 * the form with its inputs disabled and the result for the default figures; this element
 * enables the inputs and rewrites the result's cells and verdict (an aria-live region) on every
 * change. It only changes text, so the page does not move when it runs.
 */
import {
  budgetInputProblem,
  budgetReport,
  connectionBudget,
  type ConnectionBudgetInput,
} from '../analysis/connection-budget.ts';

class ConnectionCalculatorElement extends HTMLElement {
  private readonly update = () => this.render();

  connectedCallback(): void {
    for (const input of this.inputs()) input.disabled = false;
    this.addEventListener('input', this.update);
    // A form restored by the back/forward cache keeps its values: show their result.
    this.render();
  }

  disconnectedCallback(): void {
    this.removeEventListener('input', this.update);
  }

  private inputs(): HTMLInputElement[] {
    return [...this.querySelectorAll<HTMLInputElement>('input[name]')];
  }

  private render(): void {
    const values = Object.fromEntries(
      this.inputs().map((input) => [
        input.name,
        input.value.trim() === '' ? Number.NaN : Number(input.value),
      ]),
    ) as unknown as ConnectionBudgetInput;
    const verdict = this.querySelector<HTMLElement>('[data-verdict]');
    const problem = budgetInputProblem(values);
    for (const input of this.inputs()) {
      if (input.name === problem?.field) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    }
    if (!verdict) return;
    if (problem) {
      const input = this.inputs().find((candidate) => candidate.name === problem.field);
      const label = input?.closest('label')?.querySelector('.connection-calculator-label')?.textContent;
      verdict.dataset.state = 'invalid';
      verdict.textContent = `${label ?? 'Each figure'} must be ${problem.message}.`;
      return;
    }
    const report = budgetReport(values);
    for (const [index, row] of report.rows.entries()) {
      const cell = this.querySelector<HTMLElement>(`[data-row="${index}"]`);
      if (cell) cell.textContent = row.value;
    }
    verdict.dataset.state = connectionBudget(values).state;
    // Only a changed sentence is announced.
    if (verdict.textContent?.trim() !== report.verdict) verdict.textContent = report.verdict;
  }
}

if (!customElements.get('rt-connection-calculator')) {
  customElements.define('rt-connection-calculator', ConnectionCalculatorElement);
}
