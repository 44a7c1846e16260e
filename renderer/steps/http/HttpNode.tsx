/** The HTTP kind on the canvas: its method before the name, host and path under it. */
import type { StepNodeProps, StepOf } from '../stepKindView.js';

type HttpStep = StepOf<'http'>;

function hostAndPath(url: string): string {
  const match = /^(?:[a-z]+:\/\/)?([^?#]*)/i.exec(url);
  return match?.[1] ?? url;
}

export function HttpNodeBadge({ step }: StepNodeProps<HttpStep>) {
  return <span className={`method method-${step.method}`}>{step.method}</span>;
}

export function HttpNodeBody({ step }: StepNodeProps<HttpStep>) {
  return <div className="step-node-url mono" title={step.url}>{hostAndPath(step.url)}</div>;
}
