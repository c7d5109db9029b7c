export const camel = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);
export const kebab = (s: string): string =>
  s.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z])([A-Z][a-z])/g, '$1-$2').toLowerCase();
/** API name from a request/response message name: ProduceRequest -> Produce. */
export const apiName = (messageName: string): string => messageName.replace(/(Request|Response)$/, '');
