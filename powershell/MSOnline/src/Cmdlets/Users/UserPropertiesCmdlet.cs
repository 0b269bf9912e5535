using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>The user properties Set-MsolUser changes and New-MsolUser starts from, each bound
    /// from a piped object's property of the same name (the bridge's UserChanges).</summary>
    public abstract class UserPropertiesCmdlet : MsolCmdlet
    {
        [ArgumentCompleter(typeof(UserPrincipalNameCompleter))]
        [Parameter(ValueFromPipelineByPropertyName = true)] public string UserPrincipalName { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string ImmutableId { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public bool? BlockCredential { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string City { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string Country { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string Department { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string DisplayName { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string Fax { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string FirstName { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string LastName { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public DateTime? LastPasswordChangeTimestamp { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string MobilePhone { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string Office { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public bool? PasswordNeverExpires { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string PhoneNumber { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string PostalCode { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string PreferredDataLocation { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string PreferredLanguage { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public DateTime? SoftDeletionTimestamp { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string State { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string StreetAddress { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public bool? StrongPasswordRequired { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string Title { get; set; }
        [ArgumentCompleter(typeof(UsageLocationCompleter))]
        [Parameter(ValueFromPipelineByPropertyName = true)] public string UsageLocation { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string[] AlternateEmailAddresses { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string[] AlternateMobilePhones { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public StrongAuthenticationMethod[] StrongAuthenticationMethods { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public StrongAuthenticationRequirement[] StrongAuthenticationRequirements { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public DateTime? StsRefreshTokensValidFrom { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public UserType? UserType { get; set; }
    }
}
