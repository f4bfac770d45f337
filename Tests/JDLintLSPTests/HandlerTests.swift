import JDLintCore
import Testing
@testable import JDLintLSP

/// The handlers: one per method, and the capabilities come from them.
@Suite struct HandlerTests {
    @Test func everyMethodHasOneHandler() {
        var requests: [String] = [], notifications: [String] = [], inOrder: Set<String> = []
        var cancellableIffParallel = true
        for h in LanguageServer.requestHandlerTypes {
            let method = h.method, execution = h.execution
            requests.append(method)
            if execution.order == .inOrder { inOrder.insert(method) }
            if execution.cancellable != (execution.order == .parallel) { cancellableIffParallel = false }
        }
        for h in LanguageServer.notificationHandlerTypes {
            let method = h.method
            notifications.append(method)
        }
        #expect(Set(requests).count == requests.count)
        #expect(Set(notifications).count == notifications.count)
        #expect(Set(requests) == Set(LanguageServer.requestHandlers.keys))
        #expect(Set(notifications) == Set(LanguageServer.notificationHandlers.keys))
        // Only the lifecycle requests run wholly in order (and so cannot be cancelled).
        #expect(inOrder == ["initialize", "shutdown"])
        #expect(cancellableIffParallel)
    }

    @Test func dependenciesFollowTheDeclarations() throws {
        let a = "file:///a.txt", b = "file:///b.txt"
        #expect(MessageDependency.documentUpdate(a).isDependency(of: .documentRequest(a)))
        #expect(MessageDependency.documentRequest(a).isDependency(of: .documentUpdate(a)))
        #expect(!MessageDependency.documentUpdate(a).isDependency(of: .documentRequest(b)))
        #expect(!MessageDependency.documentRequest(a).isDependency(of: .documentRequest(a)))
        #expect(MessageDependency.documentUpdate(b).isDependency(of: .workspaceRequest))
        #expect(!MessageDependency.workspaceRequest.isDependency(of: .documentRequest(a)))
        #expect(MessageDependency.globalConfigurationChange.isDependency(of: .documentRequest(a)))
        #expect(!MessageDependency.globalConfigurationChange.isDependency(of: .freestanding))
        let document = Params(["textDocument": ["uri": .string(a)], "position": ["line": 0, "character": 0],
                               "range": ["start": ["line": 0, "character": 0], "end": ["line": 0, "character": 0]],
                               "context": ["diagnostics": []], "options": ["tabSize": 4, "insertSpaces": true]])
        #expect(HoverHandler.dependency(try HoverRequest(params: document)) == .documentRequest(a))
        #expect(FormattingHandler.dependency(try FormattingRequest(params: document)) == .documentRequest(a))
        #expect(CodeActionHandler.dependency(try CodeActionRequest(params: document)) == .documentRequest(a))
        #expect(WorkspaceDiagnosticHandler.dependency(try WorkspaceDiagnosticRequest(params: Params(["previousResultIds": []])))
                == .workspaceRequest)
        #expect(ShutdownHandler.dependency(try ShutdownRequest(params: Params(nil))) == .freestanding)
        #expect(InitializeHandler.dependency(try InitializeRequest(params: Params(["capabilities": [:]]))) == .globalConfigurationChange)
        #expect(DidCloseHandler.dependency(try DidCloseNotification(params: document)) == .documentUpdate(a))
        #expect(CancelRequestHandler.dependency(try CancelRequestNotification(params: Params(["id": 1]))) == .freestanding)
        #expect(DidChangeConfigurationHandler.dependency(try DidChangeConfigurationNotification(params: Params(["settings": [:]])))
                == .globalConfigurationChange)
    }

    @Test func capabilitiesAreWhatTheHandlersDeclare() {
        let push = LanguageServer.capabilities(for: NegotiatedClient(encoding: .utf16, pullDiagnostics: false, supportsResolvingEdits: false))
        #expect(push.json.serialized() == """
            {"positionEncoding":"utf-16","textDocumentSync":{"openClose":true,"change":2,"save":{"includeText":false}},\
            "hoverProvider":true,"codeActionProvider":{"codeActionKinds":["quickfix","source.fixAll.jdlint","source.jsonLd.jdlint"],\
            "resolveProvider":false},"documentFormattingProvider":true}
            """)
        let pull = LanguageServer.capabilities(for: NegotiatedClient(encoding: .utf8, pullDiagnostics: true, supportsResolvingEdits: true))
        #expect(pull.positionEncoding == .utf8)
        #expect(pull.codeActionProvider?.resolveProvider == true)
        #expect(pull.diagnosticProvider == DiagnosticOptions(identifier: "jdlint", interFileDependencies: false, workspaceDiagnostics: true))
    }

    @Test func aDiagnosticEncodesAsBefore() {
        let r = LSPRange(start: Position(line: 0, character: 8), end: Position(line: 0, character: 9))
        let d = LSPDiagnostic(range: r, severity: .warning, code: "grammar/indefinite-article", documentation: "https://example.com/rules#x",
                              message: "Use “an”.", tags: [.unnecessary],
                              data: DiagnosticData(version: 3, fix: DiagnosticFix(title: "Replace with “an”", applicability: .safe,
                                                                                  edits: [TextEdit(range: r, newText: "an")])))
        #expect(d.json.serialized() == """
            {"range":{"start":{"line":0,"character":8},"end":{"line":0,"character":9}},"severity":2,\
            "code":"grammar/indefinite-article","codeDescription":{"href":"https://example.com/rules#x"},"source":"jdlint",\
            "message":"Use “an”.","tags":[1],"data":{"version":3,"fix":{"title":"Replace with “an”","applicability":"safe",\
            "edits":[{"range":{"start":{"line":0,"character":8},"end":{"line":0,"character":9}},"newText":"an"}]}}}
            """)
        let config = LSPDiagnostic(range: r, severity: .error, code: "config", message: "Configuration error: x")
        #expect(config.json.serialized() == """
            {"range":{"start":{"line":0,"character":8},"end":{"line":0,"character":9}},"severity":1,"code":"config",\
            "source":"jdlint","message":"Configuration error: x"}
            """)
    }
}
