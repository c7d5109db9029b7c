// Contexts (Confluent's schema linking namespaces): a subject `:.ctx:name` lives in context `.ctx`,
// a plain subject in the default context `.`. Each context has its own id space.

export const DEFAULT_CONTEXT = '.';

export interface QualifiedSubject {
  context: string;
  /** The subject without its context prefix. */
  name: string;
  /** As stored: `:.ctx:name`, or `name` in the default context. */
  qualified: string;
}

/** Splits `:.ctx:name`; `:.:name` is the default context spelled out. */
export function parseSubject(subject: string): QualifiedSubject {
  if (subject.startsWith(':.')) {
    const end = subject.indexOf(':', 1);
    if (end > 0) {
      const context = subject.slice(1, end);
      const name = subject.slice(end + 1);
      if (context === DEFAULT_CONTEXT) return { context, name, qualified: name };
      return { context, name, qualified: `:${context}:${name}` };
    }
  }
  return { context: DEFAULT_CONTEXT, name: subject, qualified: subject };
}

export const contextOf = (subject: string): string => parseSubject(subject).context;
