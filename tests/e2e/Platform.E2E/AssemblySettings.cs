// Browser tests each start a host and a Chromium; on a 2-core machine two at once starve each other
// into timeouts, so they run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
