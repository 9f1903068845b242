"""The answer prompts, as package data: `importlib.resources.files("bot.prompts")`."""
