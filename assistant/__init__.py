"""hiring-assistant: a recruiter's assistant grounded in a hiring guide."""

__version__ = "0.1.0"
