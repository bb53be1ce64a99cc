/** A feed the user follows. `title` overrides the feed's own; tags group feeds for export and the UI. */
export type Subscription = {url: string; title?: string; tags: string[]};
