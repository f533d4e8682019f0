/**
 * Runs once before the client suites: packs the package and installs every program's temp
 * project, then hands the paths to the test files through vitest's `provide`.
 */
import type { TestProject } from 'vitest/node';
import { installProject, packTarball } from './client-projects.ts';
import { CLIENT_PROJECTS, type ClientProjectName } from './versions.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    tarball: string;
    projects: Record<ClientProjectName, string>;
  }
}

export default function setup(project: TestProject) {
  const tarball = packTarball();
  const projects = {} as Record<ClientProjectName, string>;
  for (const name of Object.keys(CLIENT_PROJECTS) as ClientProjectName[]) {
    console.error(`[clients] installing ${name}…`);
    // opencode installs the provider itself, from the `npm` field of its config.
    projects[name] = installProject(name, tarball, { withTarball: name !== 'opencode' });
  }
  project.provide('tarball', tarball);
  project.provide('projects', projects);
}
