INSERT INTO MDF_REQUEST_IN (REQUEST_ID, FUND_ID, PARTNER_ACCOUNT, ACTIVITY, COUNTRY_CODE, CURRENCY_CODE, AMOUNT,
                            SUBMITTED_BY, CREATION_DATE, PROCESS_STATUS)
VALUES (:#requestId, :#fundId, :#partnerAccount, :#activity, :#countryCode, :#currencyCode, :#amount,
        :#submittedBy, :#creationDate, 'NEW')
