"""Batch test builders: a small structured mail template and rows drafted by hand (for the
store, export and review tests, which are not about the model)."""

from __future__ import annotations

from engine.batch.store import BatchStore, process_owner
from engine.batch.table import Table
from engine.prompts.outputs import OutputField
from engine.prompts.templates import Template
from engine.prompts.variables import Variable

MAIL = Template(name="Test mail", language="en", body="Write to {{ customer_name }} about {{ product }}.",
                variables=(Variable("customer_name", label="Customer", required=True),
                           Variable("product", label="Product", default="tea")),
                outputs=(OutputField("subject", max_chars=60), OutputField("body")))
TABLE = Table(columns=("Customer", "email", "product"),
              rows=(("Ada Lovelace", "ada@example.com", "=SUM(A1:A9)"), ("林怡君", "lin@example.com", "烏龍茶"),
                    ("Bo", "", "+33 kettle"), ("Cy", "cy@example.com", "@mention")),
              source_name="crm.csv", encoding="utf-8")


def draft_all(store: BatchStore, job_id: int) -> None:
    """Stand in for the model: give every pending row a parsed draft."""
    owner = process_owner()
    while (row := store.claim_next(job_id, owner)) is not None:
        fields = {"subject": f"Hello {row.input['Customer']}", "body": f"-{row.input.get('product', row.input.get('last_purchase', ''))} for you"}
        assert store.finish(row.id, owner, "done", output_text=str(fields), output_fields=fields)
