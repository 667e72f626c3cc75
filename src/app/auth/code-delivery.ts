/** " to n***@e***" when Cognito says where the code went (it masks the address). */
export function sentTo(destination: string | undefined): string {
  return destination ? ` to ${destination}` : '';
}
