select
    contract_token,
    member_token,
    contract_type,
    product_code,
    guarantee_level,
    employer_siret,
    start_date,
    end_date,
    monthly_premium,
    updated_at
from {{ source('pseudo', 'contracts') }}
