import Dispatch
import JDLintCore

// Open documents and their lints: the push lints (debounced, published from the lint queue), the lints requests
// wait for (`withLint`), and the findings of an older version moved past later edits.

extension LanguageServer {
    /// Records the document's newest version for the cancellation checks of running lints.
    func noteCurrent(_ doc: OpenDocument) {
        let key = LintKey(epoch: doc.epoch, version: doc.version), uri = doc.uri
        connection.board.withLock { $0.lintCurrent[uri] = key }
    }

    /// The cancellation a lint of one version checks between its steps and rules (cooperative: the core's lint
    /// loop asks it; it never interrupts a rule that does not). Any thread.
    nonisolated func lintCancellation(_ uri: String, epoch: Int, version: Int, generation: Int) -> LintCancellation {
        let key = LintKey(epoch: epoch, version: version)
        let connection = connection
        return LintCancellation { connection.isStale(uri, key, generation) }
    }

    func debouncePushLint(_ doc: OpenDocument) {
        doc.debounce?.cancel()
        let uri = doc.uri
        if settings.debounceMs <= 0 {
            schedulePushLint(uri)
            return
        }
        // Weak: the item is kept by the document, which the server keeps.
        let item = DispatchWorkItem { [weak self] in
            self?.assumeIsolated { server in
                guard server.lifecycle == .running else { return }
                server.schedulePushLint(uri)
            }
        }
        doc.debounce = item
        queue.asyncAfter(deadline: .now() + .milliseconds(settings.debounceMs), execute: item)
    }

    /// Queues a lint whose result is published. The snapshot is taken now; a job whose version was superseded
    /// before it starts is skipped (a burst of edits lints once), and the result is published straight from the lint
    /// queue when it is still the newest (fewer thread hops between a keystroke and its diagnostics).
    func schedulePushLint(_ uri: String) {
        guard let doc = documents[uri], lifecycle == .running else { return }
        if awaitingInitialSettings {
            heldPushLints.insert(uri)
            return
        }
        if let c = doc.cache, c.version == doc.version, c.epoch == doc.epoch, c.generation == configGeneration {
            notify(PublishDiagnosticsNotification(uri: uri, version: c.version, diagnostics: c.lsp))
            return
        }
        let target = PushTarget(epoch: doc.epoch, version: doc.version, generation: configGeneration)
        let already = connection.board.withLock {
            let already = $0.pushTargets[uri] == target
            $0.pushTargets[uri] = target
            return already
        }
        if already { return }
        let snapshot = lintSnapshot(doc)
        let connection = connection
        lintQueue.async { [self] in
            guard connection.board.withLock({ $0.pushTargets[uri] == target }) else { return }
            guard let outcome = lint(snapshot) else { return }
            // Kept before it is published: the client's next edit (sent once it sees these diagnostics) is handled
            // after this, so its lint gets this lint's memo (a memo two edits old re-lints everything between them).
            onState { server in server.store(outcome, uri: uri) }
            let key = LintKey(epoch: target.epoch, version: target.version)
            let debug = options.debug
            let message = connection.message(PublishDiagnosticsNotification(uri: uri, version: target.version, diagnostics: outcome.cache.lsp))
            let latency: UInt64? = connection.board.withLock {
                // Never the findings of a version that was superseded while it was linted.
                guard $0.pushTargets[uri] == target && !$0.lintsStopped && $0.lintGeneration == target.generation
                        && $0.lintCurrent[uri] == key else { return nil }
                connection.output(message)
                guard debug, let a = $0.changeArrivals[uri], a.version == target.version else { return nil }
                return DispatchTime.now().uptimeNanoseconds - a.at
            }
            if let latency { log(.log, "didChange → publishDiagnostics v\(target.version) inside the server: \(latency / 1000) µs") }
        }
    }

    /// The snapshot a lint of the document's current version reads (state queue).
    func lintSnapshot(_ doc: OpenDocument) -> LintSnapshot {
        let memo = memos[doc.uri].flatMap { $0.generation == configGeneration ? $0.memo : nil }
        return LintSnapshot(uri: doc.uri, document: doc.document, languageID: doc.languageID, version: doc.version, epoch: doc.epoch,
                            generation: configGeneration, config: effectiveConfig(path: doc.document.path), encoding: encoding, memo: memo)
    }

    /// Keeps a finished lint (state queue): its diagnostics while the document is at that version, its memo for the
    /// document's next lint while the document is open.
    func store(_ outcome: LintOutcome, uri: String) {
        let cache = outcome.cache
        guard let doc = documents[uri], doc.epoch == cache.epoch else { return }
        if case .replace(let memo) = outcome.memo { memos[uri] = memo.map { (cache.generation, $0) } }
        if doc.version == cache.version, configGeneration == cache.generation { doc.cache = cache }
    }

    /// Runs `body` on the state queue with the diagnostics of the document's current version: from the cache,
    /// else after a lint on the lint queue (skipped when `requestID` was cancelled meanwhile).
    func withLint(_ uri: String, requestID: RequestID?, _ body: @escaping (LintCache?) -> Void) {
        // Requests that need findings (pull diagnostics, code actions, hover…) wait for the initial settings too.
        if awaitingInitialSettings {
            heldRequests.append { self.withLint(uri, requestID: requestID, body) }
            return
        }
        if let doc = documents[uri], let c = doc.cache, c.version == doc.version, c.epoch == doc.epoch, c.generation == configGeneration {
            body(c)
            return
        }
        let ticket = park(body)
        let connection = connection
        lintQueue.async { [self] in
            // A cancelled request is not linted for (its closure is dropped).
            guard connection.isPending(requestID) else { return onState { server in _ = server.take(ticket) } }
            // Snapshot the latest state when the lint starts (coalesces bursts of edits).
            let start: LintStart = syncOnState { server in server.lintStart(uri) }
            let snapshot: LintSnapshot
            switch start {
            case .closed: return resume(ticket, with: nil)
            case .cached(let cached): return resume(ticket, with: cached)
            case .lint(let s): snapshot = s
            }
            guard let outcome = lint(snapshot) else {
                // Cancelled: a newer version or configuration arrived. Try again with the newest one (a stopping
                // server answers with nothing).
                onState { server in
                    guard let body = server.take(ticket) else { return }
                    if server.lifecycle == .running { server.withLint(uri, requestID: requestID, body) } else { body(nil) }
                }
                return
            }
            onState { server in
                server.store(outcome, uri: uri)
                server.take(ticket)?(outcome.cache)
            }
        }
    }

    /// What a lint queued for a request finds when it starts: the document closed, a finished lint of its current
    /// version, or the snapshot to lint.
    enum LintStart: Sendable { case closed, cached(LintCache), lint(LintSnapshot) }

    func lintStart(_ uri: String) -> LintStart {
        guard let doc = documents[uri] else { return .closed }
        if let c = doc.cache, c.version == doc.version, c.epoch == doc.epoch, c.generation == configGeneration {
            return .cached(c)
        }
        return .lint(lintSnapshot(doc))
    }

    /// The findings for the document's current version: its cache when that is of this version; else those of the
    /// last finished lint of this opening, moved past the edits made since. A finding (and its fix) in the text
    /// before or after the edited region (the longest common prefix and suffix of the two texts) is kept, moved by
    /// the edit's length; one that touches the edited text is left out. Nil when nothing was linted yet.
    func currentOrMappedCache(_ doc: OpenDocument) -> LintCache? {
        guard let c = doc.cache, c.epoch == doc.epoch else { return nil }
        if c.version == doc.version { return c }
        guard let linter = c.linter else { return nil }
        let o = c.document.bytes, n = doc.document.bytes
        let limit = min(o.count, n.count)
        var p = 0
        while p < limit && o[p] == n[p] { p += 1 }
        var s = 0
        while s < limit - p && o[o.count - 1 - s] == n[n.count - 1 - s] { s += 1 }
        let tail = o.count - s, delta = n.count - o.count
        func moved(_ r: SourceRange) -> SourceRange? {
            if r.upperBound <= p { return r }
            if r.lowerBound >= tail { return r.shifted(by: delta) }
            return nil
        }
        var kept: [Diagnostic] = []
        for d in c.diagnostics {
            guard let r = moved(d.range) else { continue }
            var m = d
            m.range = r
            if var f = d.fix {
                let edits = f.edits.compactMap { e in moved(e.range).map { Edit(range: $0, replacement: e.replacement) } }
                guard edits.count == f.edits.count else { continue }
                f.edits = edits
                m.fix = f
            }
            kept.append(m)
        }
        let lines = doc.document.lines
        let lsp = kept.map { lspDiagnostic($0, lines, encoding, version: doc.version, registry: linter.registry) }
        return LintCache(version: doc.version, epoch: doc.epoch, generation: c.generation, document: doc.document,
                         diagnostics: kept, lsp: lsp, linter: linter, ignored: c.ignored)
    }

    static let jobPosting = Array("JobPosting".utf8)

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        let first = needle[0]
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first && haystack[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }
}
