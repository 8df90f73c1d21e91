/** "123456789012" → "1234 5678 9012": twelve digits read in groups, as the AWS console shows them. */
export function groupAccountId(id: string): string {
  return /^\d{12}$/.test(id) ? id.replace(/(\d{4})(?=\d)/g, '$1 ') : id;
}
