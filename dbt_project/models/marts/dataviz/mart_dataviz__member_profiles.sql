{#-
  No token, no exact amount, ONE amount band: the member's total yearly consumption, blanked where
  fewer than k published records share the band with the same quasi-identifiers and main act family
  (known bills only bound the total from below, so no record is singled out by them). Per-family
  amounts are published in aggregate only (mart_dataviz__mutualisation).
-#}
with int_disclosure__dataviz_member_profiles as (
    select * from {{ ref('int_disclosure__dataviz_member_profiles') }}
),

final as (
    select {{- contract_columns() }}
    from int_disclosure__dataviz_member_profiles
    where masking = 'none'
)

select * from final
