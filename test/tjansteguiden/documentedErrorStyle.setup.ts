// Set before the test files load: nodeTestKit reads it once (see SANDBOX_ERROR_STYLE there).
process.env.SANDBOX_ERROR_STYLE = 'documented';
