import * as vscode from 'vscode';
import { registerExportAnnotations } from './exportAnnotations';
import { registerImportAnnotations } from './importAnnotations';

// The exchange job: Export Annotations… and Import Annotations….
export function registerExchange(version: string): vscode.Disposable {
  return vscode.Disposable.from(registerExportAnnotations(version), registerImportAnnotations());
}
