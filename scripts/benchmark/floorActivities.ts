// The floor's activities: no-op bodies, so only Temporal's own cost remains.
export function floorActivities() {
  return {
    async noop(_step: string): Promise<void> {},
  };
}
