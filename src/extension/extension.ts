import * as vscode from 'vscode';
import { registerAnalysis } from './analysis';
import { registerAnnotations } from './annotations';
import type { PolicyLensApi } from './api';
import { registerConfig } from './config';
import { registerDocumentSymbols } from './documentSymbols';
import { registerExchange } from './exchange';
import { registerFolding } from './folding';
import { registerHovers } from './hovers';
import { registerLanguageDetection } from './languageDetection';
import { log, registerLog } from './log';
import { PolicyDocuments } from './policyDocuments';
import { registerReadAsPolicyText } from './readAsPolicyText';
import { registerReferenceLinks } from './referenceLinks';
import { registerRevealInDocument } from './revealInDocument';
import { registerSemanticTokens } from './semanticTokens';
import { registerSessionsTree } from './sessionsTree';
import { registerShowLog } from './showLog';
import { registerWalkthrough } from './walkthrough';

export function activate(context: vscode.ExtensionContext): PolicyLensApi {
  const documents = new PolicyDocuments();
  const sessions = registerSessionsTree(documents);
  const annotations = registerAnnotations();
  const analysis = registerAnalysis(context, annotations.store, annotations.codebooks, annotations.themes);
  context.subscriptions.push(
    registerLog(),
    registerConfig(),
    documents,
    registerShowLog(),
    registerReadAsPolicyText(),
    registerRevealInDocument(),
    registerLanguageDetection(),
    sessions.disposable,
    registerDocumentSymbols(documents),
    registerFolding(documents),
    registerHovers(documents),
    registerReferenceLinks(documents),
    registerSemanticTokens(documents),
    annotations.disposable,
    registerExchange(String(context.extension.packageJSON.version)),
    registerWalkthrough(context, documents),
    analysis.disposable,
  );
  log().info(`Policy Lens ${String(context.extension.packageJSON.version)} activated`);
  return {
    sessionsSnapshot: sessions.snapshot, sessionsSelection: sessions.selection, themesSnapshot: annotations.themesSnapshot, annotationsSnapshot: annotations.annotationsSnapshot,
    annotationsCounts: annotations.annotationsCounts,
    analysisSnapshot: analysis.analysisSnapshot, passagesSnapshot: analysis.passagesSnapshot, matrixSnapshot: analysis.matrixSnapshot,
  };
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions.
}
