{#-
  Cells of mart_employer__yearly: each reported employer's care per care year, all act families
  together: an EXACT margin of int_disclosure__employer_totals (the same atoms, the members of the
  population groups published in the consumption grid, over the same closed periods). A small
  employer whose family cells are all too small may still learn its year's total this way.
  The population is the sum of the published groups' populations (they are disjoint).
-#}
{%- set measures = ['actual_cost', 'ss_reimbursement', 'complementary_reimbursement', 'out_of_pocket'] -%}
{%- set cell_keys = ['employer_siret', 'care_year'] -%}

with {{ employer_margin_stats(cell_keys, measures) }},

{{ employer_margin_cells(measures) }}
