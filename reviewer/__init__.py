"""reviewer: translation-quality and terminology review of MT Chinese political news."""

__version__ = "0.1.0"
