{#-
  What each employer with collective contracts receives, in plain words (French first, English
  alongside): the breakdown chosen for it, why it is not finer, and that masked cells are hidden to
  protect individuals. Which cells end up masked is only known after the publication gate's
  secondary suppression, so the statement says how cells are protected, not how many are.
-#}
{%- set k = disclosure_param('employer', 'k') -%}
{%- set min_employers = disclosure_param('employer', 'benchmark_min_employers') -%}
{%- set s = dbt.type_string() -%}
{%- set too_small_fr = 'Trop petit pour un rapport : moins de ' ~ k ~ ' salariés couverts, aucun détail ne peut '
                       ~ 'être publié sans décrire des personnes.' -%}
{%- set too_small_en = 'Too small to report: fewer than ' ~ k ~ ' covered employees, so no breakdown can be '
                       ~ 'published without describing individuals.' -%}
with levels as (
    select distinct
        employer_siret,
        generalisation_level,
        period_grain,
        age_band_width,
        sex_level
    from {{ ref('int_disclosure__employer_consumption') }}
),

published_population as (
    select
        employer_siret,
        care_year,
        sum(population) as population
    from (
        select distinct
            employer_siret,
            care_year,
            age_band,
            sex,
            population
        from {{ ref('int_disclosure__employer_consumption') }}
    ) as population_groups
    group by employer_siret, care_year
),

covered as (
    select
        employer_siret,
        care_year,
        count(distinct member_token) as population
    from (
        select
            employer_siret,
            member_token,
            care_year
        from {{ ref('int_contracts__premium_years') }}
        where contract_type = 'collective'
        union
        select
            employer_siret,
            member_token,
            care_year
        from {{ ref('int_benefits__member_atoms') }}
        where employer_siret is not null
    ) as cover
    group by employer_siret, care_year
),

{# Employers whose smallest (age band, sex) groups could not be shown even at the most general level. -#}
left_out as (
    select distinct published_population.employer_siret
    from published_population
    inner join covered
        on published_population.employer_siret = covered.employer_siret
        and published_population.care_year = covered.care_year
    where published_population.population < covered.population
),

described as (
    select
        coverage.employer_siret,
        coverage.report_status,
        coverage.covered_members,
        levels.generalisation_level,
        levels.period_grain,
        levels.age_band_width,
        levels.sex_level,
        case when left_out.employer_siret is not null then 1 else 0 end as groups_left_out,
        case levels.period_grain when 'quarter' then 'trimestre' when 'month' then 'mois' else 'année' end
            as period_fr,
        case levels.period_grain when 'quarter' then 'quarter' when 'month' then 'month' else 'year' end
            as period_en,
        case when levels.age_band_width = 0 then 'tous âges confondus'
             else {{ dbt.concat(["'tranche d''âge de '", "cast(levels.age_band_width as " ~ s ~ ")", "' ans'"]) }} end
            as age_fr,
        case when levels.age_band_width = 0 then 'all ages together'
             else {{ dbt.concat(["cast(levels.age_band_width as " ~ s ~ ")", "'-year age band'"]) }} end
            as age_en,
        case when levels.sex_level = 'sex' then 'sexe' else 'les deux sexes ensemble' end as sex_fr,
        case when levels.sex_level = 'sex' then 'sex' else 'both sexes together' end as sex_en
    from {{ ref('int_employers__coverage') }} as coverage
    left join levels on coverage.employer_siret = levels.employer_siret
    left join left_out on coverage.employer_siret = left_out.employer_siret
)

select
    cast(employer_siret as {{ s }}) as employer_siret,
    cast(report_status as {{ s }}) as report_status,
    cast(generalisation_level as integer) as generalisation_level,
    cast(period_grain as {{ s }}) as period_grain,
    cast(age_band_width as integer) as age_band_width,
    cast(sex_level as {{ s }}) as sex_level,
    cast(case
        when report_status <> 'reported' then
            '{{ too_small_fr }}'
        when generalisation_level is null then
            'Aucune période de soins close à publier pour l''instant.'
        else {{ dbt.concat([
            "'Consommation de soins de vos salariés couverts par '", "period_fr", "', '", "age_fr", "', '", "sex_fr",
            "' et famille d''actes ; totaux annuels par famille d''actes ; comparaison mutualisée entre employeurs '",
            "'(au moins " ~ min_employers ~ " employeurs et " ~ k ~ " personnes par cellule). '",
            "'C''est le détail le plus fin où chaque groupe d''âge et de sexe compte au moins " ~ k ~ " salariés couverts. '",
            "case when groups_left_out = 1 then 'Les salariés des groupes de moins de " ~ k ~ " personnes ne figurent pas dans le détail. ' else '' end",
            "'Les cellules masquées sont cachées pour protéger les personnes : moins de " ~ k ~ " personnes concernées, '",
            "'un montant porté pour l''essentiel par une ou deux personnes, ou une valeur qui permettrait d''en recalculer une autre.'"
        ]) }}
    end as {{ s }}) as statement_fr,
    cast(case
        when report_status <> 'reported' then
            '{{ too_small_en }}'
        when generalisation_level is null then
            'No closed period of care to publish yet.'
        else {{ dbt.concat([
            "'Care consumption of your covered employees by '", "period_en", "', '", "age_en", "', '", "sex_en",
            "' and act family; yearly totals by act family; a comparison pooled across employers '",
            "'(at least " ~ min_employers ~ " employers and " ~ k ~ " people per cell). '",
            "'This is the finest breakdown in which every age and sex group counts at least " ~ k ~ " covered employees. '",
            "case when groups_left_out = 1 then 'Employees in groups of fewer than " ~ k ~ " people are not in the breakdown. ' else '' end",
            "'Masked cells are hidden to protect individuals: fewer than " ~ k ~ " people concerned, '",
            "'an amount carried mostly by one or two people, or a value that would let another one be recomputed.'"
        ]) }}
    end as {{ s }}) as statement_en,
    cast(case when report_status = 'reported' then covered_members end as bigint) as member_count,
    cast({{ k }} as integer) as min_cell_size,
    cast(case when report_status = 'reported' then 'none' else 'masked' end as {{ s }}) as masking
from described
