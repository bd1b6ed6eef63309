/**
 * Typed wrappers of the server's custom requests. The client renders their
 * plain data; it never parses `.isms` text itself.
 */
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  ANALYSIS_CHANGED_NOTIFICATION,
  CLAUSE_STATUS_REQUEST,
  EXPORT_REQUEST,
  FRAMEWORKS_REQUEST,
  RISK_REGISTER_REQUEST,
  SKELETON_REQUEST,
  SOA_TABLE_REQUEST,
  type AnalysisChangedParams,
  type ClauseStatusResult,
  type ExportParams,
  type ExportResult,
  type FrameworksResult,
  type RiskRegisterResult,
  type SkeletonParams,
  type SkeletonResult,
  type SoaTableResult,
} from '../../server/src/protocol/custom-requests';

export type { AnalysisChangedParams, ClauseStatusResult, ExportParams, ExportResult, FrameworksResult, RiskRegisterResult, SoaTableResult };

export class IsmsRequests {
  private readonly analysisListeners = new Set<(params: AnalysisChangedParams) => void>();

  constructor(private readonly client: LanguageClient) {
    // The client keeps one handler per notification method: register once and fan out.
    client.onNotification(ANALYSIS_CHANGED_NOTIFICATION, (params: AnalysisChangedParams) => {
      for (const listener of this.analysisListeners) listener(params);
    });
  }

  soaTable(uri?: string): Promise<SoaTableResult | null> {
    return this.client.sendRequest(SOA_TABLE_REQUEST, { uri });
  }

  riskRegister(uri?: string): Promise<RiskRegisterResult | null> {
    return this.client.sendRequest(RISK_REGISTER_REQUEST, { uri });
  }

  clauseStatus(uri?: string): Promise<ClauseStatusResult | null> {
    return this.client.sendRequest(CLAUSE_STATUS_REQUEST, { uri });
  }

  frameworks(uri?: string): Promise<FrameworksResult | null> {
    return this.client.sendRequest(FRAMEWORKS_REQUEST, { uri });
  }

  export(format: ExportParams['format'], uri?: string): Promise<ExportResult | null> {
    return this.client.sendRequest(EXPORT_REQUEST, { uri, format });
  }

  /** The starter ISMS for an organization, dated today. */
  skeleton(organization: string): Promise<SkeletonResult> {
    const params: SkeletonParams = { organization };
    return this.client.sendRequest(SKELETON_REQUEST, params);
  }

  /** Called after every analysis of a folder (the status bar, views and the preview refresh on it). */
  onAnalysisChanged(listener: (params: AnalysisChangedParams) => void): { dispose(): void } {
    this.analysisListeners.add(listener);
    return { dispose: () => this.analysisListeners.delete(listener) };
  }
}
