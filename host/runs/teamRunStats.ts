/**
 * Runs recorded on the server by a connector's teammates (team_run_stats), merged into the
 * card's local figures: the local history holds this user's own runs, the server adds
 * everyone else's, so no run counts twice.
 */
import type { RunStats, WeekMetrics } from '../../contract/hostApi.js';

export interface TeamRunStats {
  runs: number;
  successes: number;
  /** Epoch ms. */
  lastRunAt: number | null;
  lastStatus: 'success' | 'failed' | 'timeout' | null;
  /** The workspace's last 7 days of this connector, every recorded run (connector_metrics). */
  week?: WeekMetrics;
}

/** Local connector id → teammates' runs; empty when signed out, unlinked or offline. */
export type TeamRunStatsSource = () => Promise<Record<string, TeamRunStats>>;

export function mergeTeamRunStats(local: RunStats, team: TeamRunStats | undefined): RunStats {
  if (!team) return local;
  const merged = mergeTeamRuns(local, team);
  return team.week ? { ...merged, week: team.week } : merged;
}

function mergeTeamRuns(local: RunStats, team: TeamRunStats): RunStats {
  if (team.runs === 0) return local;
  const runs = local.runs + team.runs;
  const localSuccesses = local.successRate === null ? 0 : Math.round(local.successRate * local.runs);
  const teamIsLater = team.lastRunAt !== null && (local.lastRunAt === null || team.lastRunAt > local.lastRunAt);
  return {
    runs,
    successRate: (localSuccesses + team.successes) / runs,
    // Durations of teammates' runs are not in this figure: it stays the local one.
    p95DurationMs: local.p95DurationMs,
    lastRunAt: teamIsLater ? team.lastRunAt : local.lastRunAt,
    lastStatus: teamIsLater ? team.lastStatus : local.lastStatus,
    teamRuns: team.runs,
  };
}
