"""The error every door (form, API, command line) turns into a message next to a field."""


class InvalidInput(ValueError):
    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
