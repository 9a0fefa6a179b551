/** The service's commands: serve, association add, push. (Placeholder until the service lands.) */
import type { Command } from "commander";

export function registerServiceCommands(_program: Command): void {}
