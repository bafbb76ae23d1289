"""Batch jobs: one draft per row of a CRM export, reviewed by a person, exported safely."""
