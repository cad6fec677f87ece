/** The one line shown with every stretch (player and Stretches page): how far to go and when to stop. */
export const STRETCH_SAFETY =
  'Stretch only to mild tension, never pain, and keep breathing slowly. Stop if you feel pins and needles, numbness or dizziness.';
