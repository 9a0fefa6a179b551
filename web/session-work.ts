/**
 * The page's client of the service (with zod and the route table), a chunk of its own: the
 * sign-in form shows without it, and the page starts loading it as soon as the form is up.
 */
export { asClientFailure } from "../shared/client";
export { PageApi } from "./api";
