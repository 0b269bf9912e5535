// The exceptions scripts catch: MicrosoftOnlineException and MSOnline's fault types derived from it.
using System;
using System.Collections.Generic;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Every failure the MSOnline cmdlets report. Scripts write
    /// catch [Microsoft.Online.Administration.Automation.MicrosoftOnlineException].</summary>
    [Serializable]
    public class MicrosoftOnlineException : Exception
    {
        public MicrosoftOnlineException() : this("Exception of type 'Microsoft.Online.Administration.Automation.MicrosoftOnlineException' was thrown.") { }
        public MicrosoftOnlineException(string message) : base(message) { AllowedValues = new List<string>(); }
        public MicrosoftOnlineException(string message, Exception inner) : base(message, inner) { AllowedValues = new List<string>(); }

        /// <summary>The parameter or property at fault, when there is one.</summary>
        public string Field { get; set; }
        /// <summary>The values the field accepts, when they form a closed set.</summary>
        public List<string> AllowedValues { get; set; }
        /// <summary>The bridge's HTTP status for this failure (0 when the bridge was not reached).</summary>
        public int HttpStatus { get; set; }
        /// <summary>MSOnline's fault name, the first half of the FullyQualifiedErrorId.</summary>
        public virtual string FaultName { get { return GetType().Name; } }
    }

    [Serializable] public class UserNotFoundException : MicrosoftOnlineException { public UserNotFoundException(string message) : base(message) { } }
    [Serializable] public class PropertyValidationException : MicrosoftOnlineException { public PropertyValidationException(string message) : base(message) { } }
    [Serializable] public class RequiredPropertyNotSetException : MicrosoftOnlineException { public RequiredPropertyNotSetException(string message) : base(message) { } }
    [Serializable] public class UniquenessValidationException : MicrosoftOnlineException { public UniquenessValidationException(string message) : base(message) { } }
    [Serializable] public class PropertyNotSettableException : MicrosoftOnlineException { public PropertyNotSettableException(string message) : base(message) { } }
    [Serializable] public class ObjectAlreadyExistsException : MicrosoftOnlineException { public ObjectAlreadyExistsException(string message) : base(message) { } }
    [Serializable] public class UserAlreadyExistsException : ObjectAlreadyExistsException { public UserAlreadyExistsException(string message) : base(message) { } }
    [Serializable] public class RestoreUserNotAllowedException : MicrosoftOnlineException { public RestoreUserNotAllowedException(string message) : base(message) { } }
    [Serializable] public class LicenseQuotaExceededException : MicrosoftOnlineException { public LicenseQuotaExceededException(string message) : base(message) { } }
    [Serializable] public class InvalidLicenseConfigurationException : MicrosoftOnlineException { public InvalidLicenseConfigurationException(string message) : base(message) { } }
    [Serializable] public class RoleNotFoundException : MicrosoftOnlineException { public RoleNotFoundException(string message) : base(message) { } }
    [Serializable] public class RoleMemberAlreadyExistsException : MicrosoftOnlineException { public RoleMemberAlreadyExistsException(string message) : base(message) { } }
    [Serializable] public class RoleMemberNotFoundException : MicrosoftOnlineException { public RoleMemberNotFoundException(string message) : base(message) { } }
    [Serializable] public class GroupMemberAlreadyExistsException : MicrosoftOnlineException { public GroupMemberAlreadyExistsException(string message) : base(message) { } }
    [Serializable] public class GroupMemberNotFoundException : MicrosoftOnlineException { public GroupMemberNotFoundException(string message) : base(message) { } }
    [Serializable] public class GroupNotFoundException : MicrosoftOnlineException { public GroupNotFoundException(string message) : base(message) { } }
    [Serializable] public class ContactNotFoundException : MicrosoftOnlineException { public ContactNotFoundException(string message) : base(message) { } }
    [Serializable] public class DeviceNotFoundException : MicrosoftOnlineException { public DeviceNotFoundException(string message) : base(message) { } }
    [Serializable] public class DomainVerificationFailedException : MicrosoftOnlineException { public DomainVerificationFailedException(string message) : base(message) { } }
    [Serializable] public class DomainInUseException : MicrosoftOnlineException { public DomainInUseException(string message) : base(message) { } }
    [Serializable] public class DomainNotFoundException : MicrosoftOnlineException { public DomainNotFoundException(string message) : base(message) { } }
    [Serializable] public class SubscriptionNotFoundException : MicrosoftOnlineException { public SubscriptionNotFoundException(string message) : base(message) { } }
    [Serializable] public class ServicePrincipalNotFoundException : MicrosoftOnlineException { public ServicePrincipalNotFoundException(string message) : base(message) { } }
    [Serializable] public class AdministrativeUnitNotFoundException : MicrosoftOnlineException { public AdministrativeUnitNotFoundException(string message) : base(message) { } }
    [Serializable] public class AdministrativeUnitMemberAlreadyExistsException : MicrosoftOnlineException { public AdministrativeUnitMemberAlreadyExistsException(string message) : base(message) { } }
    [Serializable] public class AdministrativeUnitMemberNotFoundException : MicrosoftOnlineException { public AdministrativeUnitMemberNotFoundException(string message) : base(message) { } }
    [Serializable] public class SettingNotFoundException : MicrosoftOnlineException { public SettingNotFoundException(string message) : base(message) { } }
    [Serializable] public class SettingTemplateNotFoundException : MicrosoftOnlineException { public SettingTemplateNotFoundException(string message) : base(message) { } }
    [Serializable] public class DirSyncStatusChangeNotAllowedException : MicrosoftOnlineException { public DirSyncStatusChangeNotAllowedException(string message) : base(message) { } }
    [Serializable] public class AccessDeniedException : MicrosoftOnlineException { public AccessDeniedException(string message) : base(message) { } }
    [Serializable] public class DataOperationException : MicrosoftOnlineException { public DataOperationException(string message) : base(message) { } }
    [Serializable] public class DomainCapabilitySetException : MicrosoftOnlineException { public DomainCapabilitySetException(string message) : base(message) { } }

    /// <summary>A failure whose code has no type of its own (the bridge's transport errors, for example):
    /// it is still a MicrosoftOnlineException, and its FullyQualifiedErrorId carries the code.</summary>
    [Serializable]
    public class BridgeFaultException : MicrosoftOnlineException
    {
        private readonly string code;
        public BridgeFaultException(string code, string message) : base(message) { this.code = code; }
        public override string FaultName { get { return code; } }
    }

    /// <summary>Turns the bridge's error answers into exceptions and ErrorRecords, in one place.</summary>
    public static class Faults
    {
        public const string Prefix = "Microsoft.Online.Administration.Automation.";
        public const string NotConnectedMessage = "You must call the Connect-MsolService cmdlet before calling any other cmdlets.";

        public static MicrosoftOnlineException FromBridge(string code, string message, string field, List<string> allowed, int status)
        {
            MicrosoftOnlineException fault = Create(code, message);
            fault.Field = field;
            fault.AllowedValues = allowed ?? new List<string>();
            fault.HttpStatus = status;
            return fault;
        }

        private static MicrosoftOnlineException Create(string code, string message)
        {
            Type type = string.IsNullOrEmpty(code) ? null : typeof(MicrosoftOnlineException).Assembly.GetType(Prefix + code, false);
            if (type != null && typeof(MicrosoftOnlineException).IsAssignableFrom(type))
            {
                if (type == typeof(MicrosoftOnlineException)) return new MicrosoftOnlineException(message);
                return (MicrosoftOnlineException)Activator.CreateInstance(type, message);
            }
            return new BridgeFaultException(string.IsNullOrEmpty(code) ? "MicrosoftOnlineException" : code, message);
        }

        /// <summary>ErrorId = Microsoft.Online.Administration.Automation.&lt;Fault&gt;; PowerShell appends
        /// ",&lt;cmdlet class&gt;" to make MSOnline's FullyQualifiedErrorId.</summary>
        public static ErrorRecord Record(MicrosoftOnlineException fault, object target)
        {
            return new ErrorRecord(fault, Prefix + fault.FaultName, Category(fault.FaultName), target);
        }

        public static ErrorCategory Category(string faultName)
        {
            switch (faultName)
            {
                case "UserNotFoundException":
                case "RoleNotFoundException":
                case "RoleMemberNotFoundException":
                case "GroupNotFoundException":
                case "GroupMemberNotFoundException":
                case "DomainNotFoundException":
                case "ContactNotFoundException":
                case "DeviceNotFoundException":
                case "SubscriptionNotFoundException":
                case "ServicePrincipalNotFoundException":
                case "AdministrativeUnitNotFoundException":
                case "AdministrativeUnitMemberNotFoundException":
                case "SettingNotFoundException":
                case "SettingTemplateNotFoundException":
                    return ErrorCategory.ObjectNotFound;
                case "PropertyValidationException":
                case "RequiredPropertyNotSetException":
                case "InvalidLicenseConfigurationException":
                case "InvalidRequestException":
                    return ErrorCategory.InvalidArgument;
                case "UniquenessValidationException":
                case "UserAlreadyExistsException":
                case "ObjectAlreadyExistsException":
                case "RoleMemberAlreadyExistsException":
                case "GroupMemberAlreadyExistsException":
                case "AdministrativeUnitMemberAlreadyExistsException":
                    return ErrorCategory.ResourceExists;
                case "PropertyNotSettableException":
                case "RestoreUserNotAllowedException":
                case "DomainVerificationFailedException":
                case "DomainInUseException":
                    return ErrorCategory.InvalidOperation;
                case "LicenseQuotaExceededException":
                case "RequestTooLargeException":
                    return ErrorCategory.LimitsExceeded;
                case "AccessDeniedException":
                case "AuthenticationRequiredException":
                    return ErrorCategory.PermissionDenied;
                case "BridgeUnavailableException":
                    return ErrorCategory.ConnectionError;
                default:
                    return ErrorCategory.OperationStopped;
            }
        }
    }
}
