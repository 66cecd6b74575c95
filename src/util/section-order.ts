/** Names in the order people number sections: 59.2 before 59.10. */
export function bySectionNumber(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true });
}
