enum LSPPlaceholder {}
