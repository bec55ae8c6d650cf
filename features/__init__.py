"""The policy as living documentation: Gherkin features in Swedish, executed against the library."""
